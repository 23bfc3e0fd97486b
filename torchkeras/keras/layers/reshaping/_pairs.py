"""Keras' normalisation of ``padding`` / ``cropping`` arguments into ``(before, after)`` pairs."""

from ..convolutional._conv_utils import normalize_tuple

_ORDINALS = ("1st", "2nd", "3rd")
_COUNTS = {2: "two", 3: "3"}
# Keras' message for a value that is neither an int nor a sequence, per (argument, rank).
_FORMS = {
    (
        "cropping",
        2,
    ): "`cropping` should be either an int, a tuple of 2 ints (symmetric_height_crop, "
    "symmetric_width_crop), or a tuple of 2 tuples of 2 ints ((top_crop, bottom_crop), "
    "(left_crop, right_crop)). Received: cropping=%s.",
    ("padding", 2): "`padding` should be either an int, a tuple of 2 ints (symmetric_height_crop, "
    "symmetric_width_crop), or a tuple of 2 tuples of 2 ints ((top_crop, bottom_crop), "
    "(left_crop, right_crop)). Received: padding=%s.",
    ("cropping", 3): "`cropping` should be either an int, a tuple of 3 ints (symmetric_dim1_crop, "
    "symmetric_dim2_crop, symmetric_dim3_crop), or a tuple of 3 tuples of 2 ints "
    "((left_dim1_crop, right_dim1_crop), (left_dim2_crop, right_dim2_crop), (left_dim3_crop, "
    "right_dim2_crop)). Received: %s.",
    (
        "padding",
        3,
    ): "`padding` should be either an int, a tuple of 3 ints (symmetric_dim1_pad, "
    "symmetric_dim2_pad, "
    "symmetric_dim3_pad), or a tuple of 3 tuples of 2 ints ((left_dim1_pad, right_dim1_pad), "
    "(left_dim2_pad, right_dim2_pad), (left_dim3_pad, right_dim2_pad)). Received: padding=%s.",
}


def normalize_pairs(value, rank, name):
    """An int, ``rank`` ints or ``rank`` pairs as a tuple of ``rank`` ``(before, after)`` pairs.

    ``name`` is ``'cropping'`` or ``'padding'``; a negative int is refused for cropping only (as in
    Keras), negative entries of a sequence for both; the messages are Keras' for each rank."""
    if isinstance(value, int) and not isinstance(value, bool):
        if name == "cropping" and value < 0:
            raise ValueError("`cropping` cannot be negative. Received: cropping=%s." % value)
        return ((value, value),) * rank
    if not hasattr(value, "__len__"):
        raise ValueError(_FORMS[(name, rank)] % (value,))
    if len(value) != rank:
        received = "%s=%s" % (name, value) if rank == 2 else "%s" % (value,)
        raise ValueError(
            "`%s` should have %s elements. Received: %s." % (name, _COUNTS[rank], received)
        )
    return tuple(
        normalize_tuple(v, 2, "%s entry of %s" % (_ORDINALS[i], name), allow_zero=True)
        for i, v in enumerate(value)
    )
