"""``keras.name_scope``: the nested names that make up variable paths (Keras 3's rules).

A layer opens its scope (its name) while it builds, while it creates a weight and, the first time,
while it is called; a weight's ``path`` is the scope path where it was created plus its name
(``'sequential/lstm/lstm_cell/kernel'``).  Re-entering the scope of the caller already on top is
a no-op, and a layer keeps the parent path it first saw (``_parent_path``), so its later scopes
sit at the same place however it is reached.  The scope stack is per thread, as in Keras.
"""

from ...framework.global_state import PER_THREAD as _STATE
from ...api_export import keras_export

__all__ = ["name_scope", "current_path"]


@keras_export("keras.name_scope")
class name_scope:
    """``keras.name_scope(name, caller=None, deduplicate=True, override_parent=None)``: a context
    manager adding ``name`` to the path of the variables created inside it.

    ``caller`` is the object opening the scope (a layer); with ``deduplicate``, opening the scope of
    the caller and name already on top does nothing.  ``override_parent`` replaces every enclosing
    scope with that absolute path (a caller's ``_parent_path`` is used when it has one).
    """

    def __init__(self, name, caller=None, deduplicate=True, override_parent=None):
        if not isinstance(name, str) or "/" in name:
            raise ValueError(
                "Argument `name` must be a string and cannot contain character `/`. "
                "Received: name=%s" % (name,)
            )
        self.name = name
        self.caller = caller
        self.deduplicate = deduplicate
        self.override_parent = override_parent
        if (
            override_parent is None
            and deduplicate
            and getattr(caller, "_parent_path", None) is not None
        ):
            self.override_parent = caller._parent_path
        self._pop_on_exit = False

    def __enter__(self):
        stack = _STATE.name_scopes
        if self.deduplicate and stack:
            top = stack[-1]
            if self.caller is not None and self.caller is top.caller and self.name == top.name:
                return self
        stack.append(self)
        self._pop_on_exit = True
        return self

    def __exit__(self, *exc_info):
        if self._pop_on_exit:
            _STATE.name_scopes.pop()
            self._pop_on_exit = False


def current_path():
    """The path of the open scopes, ``'outer/inner'`` (``''`` outside any)."""
    parts = []
    for entry in _STATE.name_scopes:
        if entry.override_parent is not None:
            parts = [part for part in entry.override_parent.split("/") if part]
        parts.append(entry.name)
    return "/".join(parts)
