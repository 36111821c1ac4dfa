"""KeptStylesheet: the app's CSS is parsed again only for what changed (issue 14).

Textual re-parses every rule of the app (all the .tcss files and every widget's default
CSS, about 19 KB) from scratch whenever a screen is shown that it has not styled yet:
`App.refresh_css` sets the same theme variables again, which empties the parse cache,
then `Stylesheet.reparse` parses each source into a new stylesheet. The first visit to a
pane did that three times (as its mode is made, shown, and shown again once mounted), and
then once more for each kind of widget it used for the first time: most of the time the
first visit took went to parsing CSS that had not changed.

This stylesheet keeps its parse cache while the variables stay the same (a new theme
changes them: then everything is parsed again, as Textual does), so a re-parse only
parses the sources added since; the rules it ends with are the same.
"""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet


class KeptStylesheet(Stylesheet):
    """A Textual stylesheet that re-parses only the sources that changed."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self.variables_set: dict[str, str] = dict(variables or {})

    def set_variables(self, variables: dict[str, str]) -> None:
        """The same variables again keep what was parsed with them (new ones: Textual
        empties the parse cache, so everything is parsed again with them)."""
        if variables == self.variables_set:
            return
        self.variables_set = dict(variables)
        super().set_variables(variables)

    def reparse(self) -> None:
        """Parse with the current variables: the sources parsed with them already come
        from the parse cache. (Textual's own parses every source into a new stylesheet.)"""
        self.parse()
