"""followup-tui: carries a job seeker through everything after an interview."""

__version__ = "0.1.0"
