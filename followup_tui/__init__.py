"""followup-tui: carries a job seeker through everything after an interview."""

__version__ = "0.1.0"
APP_NAME = "followup-tui"  # the command, and the name of its data and settings folders
