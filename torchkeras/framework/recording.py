"""The global recording state shared by ``Variable`` and ``GradientTape``.

``RECORDING`` lists the tapes recording right now (entered, not paused by
``stop_recording``); ``AUTO_WATCHING`` the subset that watches the trainable
variables they see read.  A Variable's read checks ``RECORDING`` to decide
between its ``torch.nn.Parameter`` (so autograd records) and a detached alias
(no graph outside tapes).  ``INSTALLED`` holds the leaves watching tapes put in
place of watched constants.
"""
from __future__ import annotations

__all__ = ["RECORDING", "AUTO_WATCHING", "INSTALLED", "start", "stop", "install", "uninstall"]

RECORDING = []
AUTO_WATCHING = []


def start(tape):
    """Makes ``tape`` record (innermost last)."""
    RECORDING.append(tape)
    if tape._watch_accessed_variables:
        AUTO_WATCHING.append(tape)


def stop(tape):
    """Stops ``tape`` recording."""
    RECORDING.remove(tape)
    if tape in AUTO_WATCHING:
        AUTO_WATCHING.remove(tape)


INSTALLED = {}
"""id(watched object) -> [object, leaf, original storage, users]: the ``requires_grad``
leaves that watching tapes put in place of a Tensor's storage (or a Variable's
read) while they record; shared, so tapes watching the same object record the
same graph."""


def install(obj, leaf):
    """Makes reads of ``obj`` return ``leaf`` (or the leaf another tape already installed); returns the leaf in use."""
    entry = INSTALLED.get(id(obj))
    if entry is not None:
        entry[3] += 1
        return entry[1]
    if hasattr(obj, "_watch_leaf"):
        obj._watch_leaf = leaf
        original = None
    else:
        original = obj._value
        obj._value = leaf
    INSTALLED[id(obj)] = [obj, leaf, original, 1]
    return leaf


def uninstall(obj):
    """Undoes one :func:`install`; the last one restores ``obj``'s own storage."""
    entry = INSTALLED.get(id(obj))
    if entry is None:
        return
    entry[3] -= 1
    if entry[3] == 0:
        del INSTALLED[id(obj)]
        if hasattr(obj, "_watch_leaf"):
            obj._watch_leaf = None
        else:
            obj._value = entry[2]
