"""Placeholder: being written. ``Model`` inherits ``Trainer`` from here."""


class Trainer:
    """Placeholder."""
