"""``tf.nn``'s loss scaling for distributed training: ``compute_average_loss`` and
``scale_regularization_loss``.

Without a distribution strategy TF runs one replica, so the global batch is the local one
and regularization losses are divided by 1; these are TF's single-replica results, with
TF's argument checks and dtype rules (sample weights applied in float32, integer losses
averaged in float64, a zero global batch size giving 0 like ``div_no_nan``).
"""

from __future__ import annotations

import torch

from ..api_export import tf_export
from ..framework.convert import convert_to_tensor
from ..framework.errors import InvalidArgumentError
from ..framework.op_errors import allowed_dtypes, broadcast_shapes, check_dtype
from ..framework.tensor import wrap
from ._args import storage_of

__all__ = []

_SUM_DTYPES = allowed_dtypes("Sum")


def _weighted(loss, sample_weight):
    """TF's ``scale_losses_by_sample_weight``: both in float32, the weights' rank adjusted by one
    (a trailing dim squeezed or added), then multiplied."""
    losses = loss.to(torch.float32)
    weights = storage_of(sample_weight).to(torch.float32)
    if weights.ndim and weights.ndim - losses.ndim == 1:
        weights = weights.squeeze(-1)
    elif weights.ndim and losses.ndim - weights.ndim == 1:
        weights = weights.unsqueeze(-1)
    broadcast_shapes("Mul", losses.shape, weights.shape, losses)
    return losses * weights


def _global_batch_size(value):
    size = convert_to_tensor(value)
    if size.shape.rank != 0:
        raise ValueError(
            "global_batch_size must be scalar..  Expected scalar shape, saw shape: %s."
            % (tuple(size.shape.as_list()),)
        )
    if not size.dtype.is_integer:
        raise TypeError(
            'global_batch_size must be an integer..  Expected "x" to be integer type.  Found: '
            "tensor of dtype %s" % (size.dtype,)
        )
    count = int(size._value)
    if count < 0:
        raise InvalidArgumentError(
            None,
            None,
            "global_batch_size must be non-negative..  \nCondition x >= 0 did not hold "
            "element-wise:\nx (shape=() dtype=%s) = \n%d" % (size.dtype.name, count),
        )
    return count


@tf_export("nn.compute_average_loss")
def compute_average_loss(per_example_loss, sample_weight=None, global_batch_size=None):
    """``tf.nn.compute_average_loss``: ``sum(per_example_loss * sample_weight) /
    global_batch_size`` (default: the first dimension times the strategy's
    ``num_replicas_in_sync``, as TF); 0 when the batch size is 0.  The result keeps the loss
    dtype (float64 for integer losses)."""
    tensor = convert_to_tensor(per_example_loss)
    loss = tensor._value
    if loss.ndim == 0:
        raise ValueError(
            "Invalid value passed for `per_example_loss`. Expected a tensor with at least rank "
            "1. Received per_example_loss={} with rank 0".format(tensor)
        )
    dtype = loss.dtype
    if sample_weight is not None:
        loss = _weighted(loss, sample_weight).to(dtype)
    count = (
        loss.shape[0] * _replicas()
        if global_batch_size is None
        else _global_batch_size(global_batch_size)
    )
    check_dtype(loss, _SUM_DTYPES, "Sum")
    work = dtype if dtype.is_floating_point else torch.float64
    total = torch.sum(loss).to(work)
    if count == 0:
        return wrap(torch.zeros_like(total))
    return wrap(total / torch.tensor(count, dtype=work, device=total.device))


@tf_export("nn.scale_regularization_loss")
def scale_regularization_loss(regularization_loss):
    """``tf.nn.scale_regularization_loss``: ``reduce_sum(regularization_loss) / replicas`` (one
    replica without a strategy; integer sums divide to float64, as TF's ``/``)."""
    tensor = convert_to_tensor(regularization_loss)
    check_dtype(tensor._value, _SUM_DTYPES, "Sum")
    total = torch.sum(tensor._value)
    if not (total.dtype.is_floating_point or total.dtype.is_complex):
        total = total.to(torch.float64)
    return wrap(total / _replicas())


def _replicas():
    """The current ``tf.distribute`` strategy's ``num_replicas_in_sync`` (1 without one)."""
    from ..distribute.context import num_replicas_in_sync

    return num_replicas_in_sync()
