"""``keras.utils.pad_sequences``: variable-length sequences -> one padded NumPy array."""

import numpy as np
from ...api_export import keras_export

__all__ = ["pad_sequences"]


@keras_export("keras.utils.pad_sequences", "keras.preprocessing.sequence.pad_sequences")
def pad_sequences(
    sequences, maxlen=None, dtype="int32", padding="pre", truncating="pre", value=0.0
):
    """Pads (or truncates) each sequence to ``maxlen`` (default: the longest), as Keras does.

    ``padding`` / ``truncating``: ``"pre"`` or ``"post"``; ``value`` fills the
    padding; samples may be arrays of equal trailing shape.  Returns a NumPy
    array of shape ``(len(sequences), maxlen) + sample_shape`` and ``dtype``
    (use ``dtype=object`` for variable-length strings).
    """
    if not hasattr(sequences, "__len__"):
        raise ValueError("`sequences` must be iterable.")
    num_samples = len(sequences)
    lengths = []
    sample_shape = ()
    found_shape = False
    for x in sequences:
        try:
            lengths.append(len(x))
        except TypeError as error:
            raise ValueError(
                "`sequences` must be a list of iterables. Found non-iterable: %s" % str(x)
            ) from error
        if not found_shape and len(x):
            sample_shape = np.asarray(x).shape[1:]
            found_shape = True
    if maxlen is None:
        maxlen = np.max(lengths)
    is_dtype_str = np.issubdtype(dtype, np.str_) or np.issubdtype(dtype, np.bytes_)
    if isinstance(value, str) and dtype is not object and not is_dtype_str:
        raise ValueError(
            "`dtype` %s is not compatible with `value`'s type: %s\nYou should set `dtype=object` "
            "for "
            "variable length strings." % (dtype, type(value))
        )
    x = np.full((num_samples, maxlen) + sample_shape, value, dtype=dtype)
    for idx, s in enumerate(sequences):
        if not len(s):
            continue
        if truncating == "pre":
            trunc = s[-maxlen:]
        elif truncating == "post":
            trunc = s[:maxlen]
        else:
            raise ValueError('Truncating type "%s" not understood' % truncating)
        trunc = np.asarray(trunc, dtype=dtype)
        if trunc.shape[1:] != sample_shape:
            raise ValueError(
                "Shape of sample %s of sequence at position %s is different from expected shape %s"
                % (trunc.shape[1:], idx, sample_shape)
            )
        if padding == "post":
            x[idx, : len(trunc)] = trunc
        elif padding == "pre":
            x[idx, -len(trunc) :] = trunc
        else:
            raise ValueError('Padding type "%s" not understood' % padding)
    return x
