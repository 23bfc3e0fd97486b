"""The collectives the strategies use, on torch.distributed's default group.

Gradients are all-reduced as DDP's reducer does: flattened into buckets of at most
``BUCKET_BYTES`` per dtype, every bucket's all-reduce started asynchronously, then waited for and
copied back.  Each call is one group-wide collective: every replica must make the same calls in
the same order.
"""

from __future__ import annotations

import torch
import torch.distributed as dist
from torch._utils import _flatten_dense_tensors, _unflatten_dense_tensors

from ..framework.errors import UnavailableError

__all__ = ["all_reduce", "all_reduce_many", "broadcast_many", "all_gather"]

BUCKET_BYTES = 25 * 1024 * 1024
"""DDP's default bucket size."""


def _failed(error):
    return UnavailableError(
        None,
        None,
        "A collective operation across the replicas failed (a replica died or timed out): %s"
        % (str(error).strip().splitlines() or ["unknown error"])[0],
    )


def _buckets(tensors):
    """Indices of ``tensors`` grouped by dtype and device, each group cut at ``BUCKET_BYTES``."""
    groups, sizes = {}, {}
    out = []
    for i, tensor in enumerate(tensors):
        key = (tensor.dtype, tensor.device)
        nbytes = tensor.numel() * tensor.element_size()
        if key in groups and sizes[key] + nbytes > BUCKET_BYTES:
            out.append(groups.pop(key))
        if key not in groups:
            groups[key], sizes[key] = [], 0
        groups[key].append(i)
        sizes[key] += nbytes
    out.extend(groups.values())
    return out


def all_reduce_many(tensors, mean=False):
    """New tensors: the sum (``mean=True``: the average) of ``tensors`` over the replicas."""
    tensors = list(tensors)
    try:
        pending = []
        for bucket in _buckets(tensors):
            flat = _flatten_dense_tensors([tensors[i] for i in bucket])
            pending.append((bucket, flat, dist.all_reduce(flat, async_op=True)))
        out = list(tensors)
        size = dist.get_world_size()
        for bucket, flat, work in pending:
            work.wait()
            if mean:
                flat.div_(size)
            parts = _unflatten_dense_tensors(flat, [tensors[i] for i in bucket])
            for i, part in zip(bucket, parts):
                out[i] = part
        return out
    except (RuntimeError, dist.DistBackendError) as error:
        raise _failed(error) from error


def all_reduce(tensor, mean=False):
    """The sum (or average) of one tensor over the replicas."""
    return all_reduce_many([tensor], mean)[0]


def broadcast_many(tensors, source=0):
    """Overwrites each tensor in place with replica ``source``'s value."""
    tensors = list(tensors)
    try:
        for bucket in _buckets(tensors):
            group = [tensors[i] for i in bucket]
            flat = _flatten_dense_tensors(group)
            dist.broadcast(flat, source)
            for tensor, part in zip(group, _unflatten_dense_tensors(flat, group)):
                tensor.copy_(part)
    except (RuntimeError, dist.DistBackendError) as error:
        raise _failed(error) from error


def all_gather(tensor, axis=0):
    """The replicas' tensors concatenated along ``axis`` in rank order (sizes along ``axis`` may
    differ; the other dimensions must agree)."""
    try:
        world = dist.get_world_size()
        if tensor.ndim == 0:
            tensor = tensor.reshape(1)
        size = torch.tensor([tensor.shape[axis]], device=tensor.device)
        sizes = [torch.zeros_like(size) for _ in range(world)]
        dist.all_gather(sizes, size)
        sizes = [int(s) for s in sizes]
        longest = max(sizes)
        padded = tensor
        if tensor.shape[axis] < longest:
            shape = list(tensor.shape)
            shape[axis] = longest - tensor.shape[axis]
            padded = torch.cat([tensor, tensor.new_zeros(shape)], axis)
        parts = [torch.empty_like(padded) for _ in range(world)]
        dist.all_gather(parts, padded.contiguous())
        return torch.cat([p.narrow(axis, 0, n) for p, n in zip(parts, sizes)], axis)
    except (RuntimeError, dist.DistBackendError) as error:
        raise _failed(error) from error
