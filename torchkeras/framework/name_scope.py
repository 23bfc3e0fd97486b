"""``tf.name_scope``: the prefix given to the names of ``tf.Variable``s created inside."""

from __future__ import annotations

from ..api_export import tf_export
from .global_state import PER_THREAD as _STATE

__all__ = ["name_scope", "current_name_scope"]


def current_name_scope():
    """The current scope prefix (``"outer/inner/"``, ``""`` at top level)."""
    return _STATE.tf_name_scope


@tf_export("name_scope")
class name_scope:
    """``tf.name_scope(name)``: a context manager that prefixes new variables' names.

    As TF 2: entering returns the full scope name (``"outer/inner/"``); a name ending
    in ``"/"`` is absolute (it replaces the current scope); scopes are not
    de-duplicated in eager mode (``x/x/q:0``).  Only ``tf.Variable`` names use it
    here (there are no graph ops to name)."""

    __slots__ = ("_name", "_saved")

    def __init__(self, name):
        if not isinstance(name, str):
            raise ValueError("name for name_scope must be a string.")
        self._name = name
        self._saved = []

    @property
    def name(self):
        """The name given at construction."""
        return self._name

    def __enter__(self):
        previous = _STATE.tf_name_scope
        if not self._name:
            scope = ""
        elif self._name.endswith("/"):
            scope = self._name
        else:
            scope = previous + self._name + "/"
        self._saved.append(previous)
        _STATE.tf_name_scope = scope
        return scope

    def __exit__(self, *exc):
        _STATE.tf_name_scope = self._saved.pop()
        return False
