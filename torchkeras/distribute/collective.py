"""The collectives the strategies use, on torch.distributed's default group.

Gradients are all-reduced as DDP's reducer does: flattened into buckets of at most
``BUCKET_BYTES`` per dtype, every bucket's all-reduce started asynchronously, then waited for and
copied back; :func:`grad_all_reduced` starts each bucket during the backward pass, as soon as
its gradients exist (DDP's overlap).  Each call is one group-wide collective: every replica must
make the same calls in the same order.
"""

from __future__ import annotations

import torch
import torch.distributed as dist
from torch._utils import _flatten_dense_tensors, _unflatten_dense_tensors

from ..framework.errors import UnavailableError

__all__ = ["all_reduce", "all_reduce_many", "grad_all_reduced", "broadcast_many", "all_gather"]

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


def grad_all_reduced(loss, params, mean=False):
    """``torch.autograd.grad(loss, params)`` with the gradients summed (or averaged) over the
    replicas; buckets are formed in reverse order of ``params`` (backward reaches the last layers
    first) and each bucket's all-reduce starts, in bucket order, once backward has produced all
    its gradients.  Gradients that backward does not produce (``None``) stay ``None``; the
    buckets holding them are reduced after backward, without them."""
    params = list(params)
    order = list(range(len(params)))[::-1]
    buckets = [[order[j] for j in bucket] for bucket in _buckets([params[i] for i in order])]
    bucket_of = {i: b for b, bucket in enumerate(buckets) for i in bucket}
    grads = [None] * len(params)
    missing = [len(bucket) for bucket in buckets]
    pending = []

    def launch_ready():
        while len(pending) < len(buckets) and missing[len(pending)] == 0:
            members = buckets[len(pending)]
            flat = _flatten_dense_tensors([grads[i] for i in members])
            pending.append((members, flat, dist.all_reduce(flat, async_op=True)))

    def hook_for(i):
        def hook(grad):
            grads[i] = grad
            missing[bucket_of[i]] -= 1
            launch_ready()

        return hook

    try:
        handles = [p.register_hook(hook_for(i)) for i, p in enumerate(params) if p.requires_grad]
        try:
            torch.autograd.grad(loss, params, allow_unused=True)
        finally:
            for handle in handles:
                handle.remove()
        for b in range(len(pending), len(buckets)):
            members = [i for i in buckets[b] if grads[i] is not None]
            flat = _flatten_dense_tensors([grads[i] for i in members]) if members else None
            work = dist.all_reduce(flat, async_op=True) if members else None
            pending.append((members, flat, work))
        size = dist.get_world_size()
        for members, flat, work in pending:
            if work is None:
                continue
            work.wait()
            if mean:
                flat.div_(size)
            for i, part in zip(
                members, _unflatten_dense_tensors(flat, [grads[i] for i in members])
            ):
                grads[i] = part
        return grads
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
