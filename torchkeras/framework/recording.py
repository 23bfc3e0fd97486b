"""The global recording state shared by ``Variable`` and ``GradientTape``.

``RECORDING`` lists the tapes recording right now (entered, not paused by
``stop_recording``); ``AUTO_WATCHING`` the subset that watches the trainable
variables they see read.  A Variable's read checks ``RECORDING`` to decide
between its ``torch.nn.Parameter`` (so autograd records) and a detached alias
(no graph outside tapes).  ``INSTALLED`` holds the leaves watching tapes put in
place of watched constants.  ``EXITED`` holds weak references to the tapes that
stopped recording but may still differentiate their graph (writers of variables
check it, with ``RECORDING``, before keeping overwritten values in ``KEPT``:
``saved_values.py``).
"""

from __future__ import annotations

import weakref

__all__ = [
    "RECORDING",
    "AUTO_WATCHING",
    "INSTALLED",
    "EXITED",
    "KEPT",
    "start",
    "stop",
    "exited",
    "forget",
    "install",
    "uninstall",
]

RECORDING = []
AUTO_WATCHING = []
EXITED = set()


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


KEPT = {}
"""id(parameter) -> (parameter, {version: (value, storage offset)}): variable values overwritten
while a tape may still differentiate a graph that saved them (``saved_values.py``)."""


def exited(tape):
    """Remembers that ``tape`` stopped recording with its graph kept; returns the weak reference
    (:func:`forget` drops it when the tape is used up or garbage-collected)."""
    ref = weakref.ref(tape, forget)
    EXITED.add(ref)
    return ref


def forget(ref):
    """Drops an exited tape; the values kept for tapes go when no tape records or keeps a graph."""
    EXITED.discard(ref)
    if not EXITED and not RECORDING:
        KEPT.clear()


INSTALLED = {}
"""id(watched object) -> [object, leaf, original storage, users]: the ``requires_grad``
leaves that watching tapes put in place of a Tensor's storage (or a Variable's
read) while they record; shared, so tapes watching the same object record the
same graph."""


def install(obj, leaf):
    """Makes reads of ``obj`` return ``leaf`` (or the leaf another tape already installed);
    returns the leaf in use."""
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
