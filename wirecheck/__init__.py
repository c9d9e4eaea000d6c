"""wirecheck: event-sourced claim verification for news (shell layer: CLI, broker tooling, runners)."""

__version__ = "0.1.0"
