"""Reusable widgets the screens compose."""
