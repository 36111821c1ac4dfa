"""The follow-up playbook (docs/playbook.md, R1–R14) as pure functions: no I/O, no Textual."""
