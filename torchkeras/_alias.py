"""Placeholder: being written."""


def enable_tensorflow_alias():
    """Placeholder."""
