"""Copy-on-write of the variable values a recorded graph saved.

TF differentiates each recorded op with the values it read: after ``y = v * v;
v.assign_add(1.0)`` the gradient of ``y`` still uses the old ``v``.  Torch's
graph saves the variable's ``nn.Parameter`` itself, which the assign updates
in place, so torch would refuse the backward pass ("modified by an inplace
operation").  Nothing is paid for this on the common path:

- every writer of a variable's storage (``assign*``, slice assigns, scatters,
  optimizers) first calls :func:`before_write` when a tape may still
  differentiate (one recording, or one exited but not yet used up:
  ``recording.EXITED``); it keeps a copy of the value about to be
  overwritten, keyed by the storage's version, if a graph may have saved the
  parameter (its reference count says so);
- before a backward pass, :func:`restore` walks the graph from the targets
  and gives each saved tensor that aliases a kept parameter, and was saved at
  an older version, the value it had then (a saved-tensor hook).  The saved
  version is found by probing torch's version counter.

Gradients still flow into the one parameter through every read, so the
gradient with respect to a variable sums over all its reads, as in TF.
"""

from __future__ import annotations

import torch

from . import recording as _recording

__all__ = ["before_write", "before_writes", "restore"]

KEPT = _recording.KEPT

_set_version = torch._C._autograd._unsafe_set_version_counter
_storage_use_count = torch._C._storage_Use_Count
_is_compiling = torch.compiler.is_compiling
_SAVED_ATTRIBUTES = {}


def before_write(param):
    """Keeps ``param``'s value before an in-place write, when a live tape's graph may have saved it.

    Callers check ``recording.RECORDING or recording.EXITED`` first (the cheap test)."""
    if not isinstance(param, torch.Tensor) or _is_compiling():
        return
    if param._use_count() == 1 and _storage_use_count(param.untyped_storage()._cdata) <= 2:
        return  # nothing but the parameter itself (and the probe) holds its storage
    entry = KEPT.get(id(param))
    if entry is None:
        entry = KEPT[id(param)] = (param, {})
    versions = entry[1]
    version = param._version
    if version not in versions:
        value = torch.empty_strided(
            param.size(), param.stride(), dtype=param.dtype, device=param.device
        )
        versions[version] = (value.copy_(param.detach()), param.storage_offset())


def before_writes(params):
    """:func:`before_write` for each of ``params``, with the cheap test done here (for writers
    outside the tf core, such as optimizers)."""
    if _recording.RECORDING or _recording.EXITED:
        for param in params:
            before_write(param)


def restore(roots):
    """Gives each tensor saved by the graph behind ``roots`` (torch tensors) that aliases a kept
    parameter at an older version the value it had then, so the backward pass uses the values
    read."""
    kept = {_storage_key(param): (param, versions) for param, versions in KEPT.values()}
    seen = {}
    stack = [
        root.grad_fn
        for root in roots
        if isinstance(root, torch.Tensor) and root.grad_fn is not None
    ]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen[id(node)] = node
        for saved in _saved_tensors(node):
            _restore_saved(saved, kept)
        stack.extend(child for child, _ in node.next_functions if child is not None)


def _saved_tensors(node):
    names = _SAVED_ATTRIBUTES.get(type(node))
    if names is None:
        names = _SAVED_ATTRIBUTES[type(node)] = [
            name for name in dir(node) if name.startswith("_raw_saved_")
        ]
    for name in names:
        try:
            value = getattr(node, name)
        except RuntimeError:  # already freed by a backward pass
            continue
        if isinstance(value, (list, tuple)):
            yield from value
        elif value is not None:
            yield value


def _storage_key(tensor):
    """The address of ``tensor``'s storage (``None`` for none, or an empty one)."""
    try:
        return tensor.untyped_storage().data_ptr() or None
    except (RuntimeError, NotImplementedError, TypeError):
        return None


def _restore_saved(saved, kept):
    if saved.unpack_hook is not None:
        return
    try:
        data = saved.data
    except RuntimeError:  # freed
        return
    if not isinstance(data, torch.Tensor):
        return
    key = _storage_key(data)
    entry = kept.get(key) if key is not None else None
    if entry is None:
        return
    param, versions = entry
    version = _saved_version(saved, data, versions)
    if version is None or data.dtype != param.dtype:
        return
    value, offset = versions[version]
    if data is not param and (
        data.size() != value.size()
        or data.stride() != value.stride()
        or data.storage_offset() != offset
    ):
        value = value.as_strided(data.size(), data.stride(), data.storage_offset() - offset)
    saved.register_hooks(_Packed(value), _unpack)


def _saved_version(saved, data, versions):
    """The version of ``data`` that ``saved`` recorded, among ``versions``; ``None`` when it is the
    current one (nothing to restore) or none of them."""
    try:
        saved.unpack()
        return None
    except RuntimeError:
        pass
    current = data._version
    try:
        for version in versions:
            _set_version((data,), (version,))
            try:
                saved.unpack()
            except RuntimeError:
                continue
            return version
    finally:
        _set_version((data,), (current,))
    return None


class _Packed:
    """A saved-tensor pack hook that stores ``value`` in place of what was saved."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __call__(self, _tensor):
        return self.value


def _unpack(value):
    return value
