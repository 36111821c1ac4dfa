"""One module (and .tcss) per pane and per modal."""
