"""The follow-up playbook (DOMAIN.md R1–R14) as pure functions: no I/O, no Textual."""
