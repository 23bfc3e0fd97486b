"""``tf.signal.mfccs_from_log_mel_spectrograms``: MFCCs as TF computes them, an orthonormal-
scaled type-II DCT (``dct(x) / sqrt(2 * num_mel_bins)``) of the innermost axis."""

from __future__ import annotations

import torch

from ..api_export import tf_export
from ..framework.convert import convert_to_tensor
from ..framework.op_errors import op_error
from ..framework.tensor import wrap
from .dct_ops import dct


@tf_export("signal.mfccs_from_log_mel_spectrograms")
def mfccs_from_log_mel_spectrograms(log_mel_spectrograms, name=None):
    """``tf.signal.mfccs_from_log_mel_spectrograms``: the MFCCs of ``[..., num_mel_bins]``
    log-magnitude mel spectrograms (HTK's scaling: type-II DCT times
    ``rsqrt(2 * num_mel_bins)``)."""
    tensor = convert_to_tensor(log_mel_spectrograms)
    if tensor.shape.rank == 0:  # TF reads ``tf.shape(x)[-1]``
        raise op_error(
            "StridedSlice",
            "slice index -1 of dimension 0 out of bounds.",
            tensor._value,
            name="strided_slice/",
        )
    if tensor.shape.rank and tensor.shape[-1] == 0:
        raise ValueError("num_mel_bins must be positive. Got: %s" % tensor)
    num_mel_bins = tensor.shape[-1]
    out = dct(tensor, type=2)._value
    return wrap(out * torch.rsqrt(torch.tensor(num_mel_bins, dtype=out.dtype) * 2.0))
