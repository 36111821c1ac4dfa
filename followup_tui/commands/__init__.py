"""Subcommands that work without the terminal UI (agenda, export, import)."""
