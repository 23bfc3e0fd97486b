"""Keras' normalisation of ``padding`` / ``cropping`` arguments into ``(before, after)`` pairs."""
from ..convolutional._conv_utils import normalize_tuple

_ORDINALS = ("1st", "2nd", "3rd")


def normalize_pairs(value, rank, name):
    """An int, ``rank`` ints or ``rank`` pairs as a tuple of ``rank`` ``(before, after)`` pairs."""
    if isinstance(value, int) and not isinstance(value, bool):
        return ((value, value),) * rank
    if not hasattr(value, "__len__") or len(value) != rank:
        raise ValueError("`%s` should have %s elements. Received: %s=%s."
                         % (name, "two" if rank == 2 else rank, name, value))
    if all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return tuple((v, v) for v in normalize_tuple(value, rank, name, allow_zero=True))
    return tuple(normalize_tuple(v, 2, "%s entry of %s" % (_ORDINALS[i], name), allow_zero=True)
                 for i, v in enumerate(value))
