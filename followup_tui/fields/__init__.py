"""What a form or the command line typed → what the Store saves, or a FieldError.

The forms (screens/) and the commands (commands/) read their fields with these same
functions, so a bad date, an empty company or an offer without its deadline gets the same
message everywhere (docs/cli.md). No Textual here: the commands must not import it.
"""
