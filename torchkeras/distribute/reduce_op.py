"""``tf.distribute.ReduceOp``: how values of the replicas combine."""

import enum

from ..api_export import tf_export

__all__ = ["ReduceOp"]


@tf_export("distribute.ReduceOp")
class ReduceOp(enum.Enum):
    """``SUM`` or ``MEAN`` of the replicas' values (a string ``"SUM"`` is accepted too)."""

    SUM = "SUM"
    MEAN = "MEAN"

    @staticmethod
    def from_variable_aggregation(aggregation):
        """The ``ReduceOp`` of a ``tf.VariableAggregation`` (``SUM`` or ``MEAN``)."""
        name = getattr(aggregation, "name", str(aggregation)).upper()
        if name not in ("SUM", "MEAN"):
            raise ValueError(
                "Could not convert from `tf.VariableAggregation` %s to"
                "`tf.distribute.ReduceOp` type" % (aggregation,)
            )
        return ReduceOp[name]


def as_reduce_op(op):
    """``op`` (a ``ReduceOp`` or its name) as a ``ReduceOp``."""
    return op if isinstance(op, ReduceOp) else ReduceOp(str(op).upper())
