"""``tf.signal``'s Fourier transforms over ``torch.fft``: ``fft``/``ifft`` (1-3D), ``rfft``/
``irfft`` (1-3D) with TF's ``fft_length`` rules, and ``fftshift``/``ifftshift``.

TF's complex transforms take complex64/complex128 only (a float input is the ``Tcomplex`` attr
error); the real ones convert their input (float32 preferred), pad it with zeros up to
``fft_length`` and use its first ``fft_length`` entries (the last dim of an inverse: the first
``fft_length // 2 + 1``), which is what ``torch.fft``'s ``n``/``s`` do. Gradients are torch
autograd's, which follow TF's convention for complex values.
"""

from __future__ import annotations

import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.errors import InvalidArgumentError
from ..framework.op_errors import attr_error, dims_text, eager_name, op_error
from ..framework.tensor import wrap
from .shape_ops import roll
from ._signal_args import rank_at_least

_COMPLEX = (torch.complex64, torch.complex128)
_REAL = (torch.float32, torch.float64)


def _complex_storage(input, opname, rank, name):
    """The storage of a complex transform's input, with the op's dtype and rank errors."""
    if name is None:
        name = eager_name(input)
    storage = convert_to_tensor(input, dtype_hint=dtypes.complex64)._value
    if getattr(storage, "dtype", None) not in _COMPLEX:
        raise attr_error(opname, storage, "Tcomplex", name=name or "")
    if storage.ndim < rank:
        raise op_error(
            opname,
            "Input must have rank of at least %d but got: %s" % (rank, dims_text(storage.shape)),
            storage,
            name=name,
        )
    return storage


def _complex_transform(input, opname, rank, inverse, name):
    storage = _complex_storage(input, opname, rank, name)
    if storage.numel() == 0:
        return wrap(storage.clone())
    fn = torch.fft.ifftn if inverse else torch.fft.fftn
    return wrap(fn(storage, dim=tuple(range(-rank, 0))))


@tf_export("signal.fft")
def fft(input, name=None):
    """``tf.signal.fft``: the 1-D discrete Fourier transform over the innermost dim of a
    complex64/complex128 tensor (float inputs are TF's ``Tcomplex`` attr error)."""
    return _complex_transform(input, "FFT", 1, False, name)


@tf_export("signal.ifft")
def ifft(input, name=None):
    """``tf.signal.ifft``: the inverse 1-D DFT (scaled by ``1/n``) over the innermost dim."""
    return _complex_transform(input, "IFFT", 1, True, name)


@tf_export("signal.fft2d")
def fft2d(input, name=None):
    """``tf.signal.fft2d``: the 2-D DFT over the inner-most 2 dims of a complex tensor."""
    return _complex_transform(input, "FFT2D", 2, False, name)


@tf_export("signal.ifft2d")
def ifft2d(input, name=None):
    """``tf.signal.ifft2d``: the inverse 2-D DFT over the inner-most 2 dims."""
    return _complex_transform(input, "IFFT2D", 2, True, name)


@tf_export("signal.fft3d")
def fft3d(input, name=None):
    """``tf.signal.fft3d``: the 3-D DFT over the inner-most 3 dims of a complex tensor."""
    return _complex_transform(input, "FFT3D", 3, False, name)


@tf_export("signal.ifft3d")
def ifft3d(input, name=None):
    """``tf.signal.ifft3d``: the inverse 3-D DFT over the inner-most 3 dims."""
    return _complex_transform(input, "IFFT3D", 3, True, name)


def _fft_lengths(fft_length, rank, opname, storage):
    """``fft_length`` as a list of ``rank`` Python ints, with TF's errors."""
    if fft_length is None:
        return None
    lengths = convert_to_tensor(fft_length, dtype=dtypes.int32)
    if lengths.shape.rank == 0:
        # TF's wrapper iterates the value it reads back: a scalar is not iterable.
        raise TypeError("'numpy.int32' object is not iterable")
    values = lengths._value.tolist()
    if lengths.shape.rank != 1 or len(values) != rank:
        raise op_error(opname, "fft_length must have shape [%d]" % rank, storage, name="")
    for value in values:
        if value < -1:  # TF's shape inference reads fft_length as a TensorShape (-1: unknown)
            raise ValueError("Dimension %d must be >= 0" % value)
    for i, value in enumerate(values):
        if value < 0:
            raise op_error(
                opname, "fft_length[%d] must >= 0, but got: %d" % (i, value), storage, name=""
            )
        if value == 0 and storage.numel():
            # TF's CPU kernel aborts the process here; this is torchkeras' own error.
            raise InvalidArgumentError(
                None, None, "fft_length[%d] must be positive, but got: 0 [Op:%s]" % (i, opname)
            )
    return values


def _complex_of(storage):
    """complex64 for a float32 storage, complex128 for float64 (TF's ``Tcomplex``)."""
    return torch.complex64 if storage.dtype == torch.float32 else torch.complex128


def _rfft(input_tensor, fft_length, rank, opname):
    tensor = convert_to_tensor(input_tensor, dtype_hint=dtypes.float32)
    storage = tensor._value
    if getattr(storage, "dtype", None) not in _REAL:
        raise ValueError("RFFT requires tf.float32 or tf.float64 inputs, got: %s" % tensor)
    rank_at_least(tensor, rank)
    lengths = _fft_lengths(fft_length, rank, opname, storage)
    if lengths is None:
        lengths = list(storage.shape[storage.ndim - rank :])
    dims = tuple(range(-rank, 0))
    if storage.numel() == 0:
        # TF does not pad empty signals; its kernel then wants each non-empty dim long enough
        for index, length in enumerate(lengths):
            dim = storage.ndim - rank + index
            if 0 < storage.shape[dim] < length:
                raise op_error(
                    opname,
                    "Input dimension %d must have length of at least %d but got: %d"
                    % (dim, length, storage.shape[dim]),
                    storage,
                    name=eager_name(input_tensor),
                )
        # TF's kernel leaves the values uninitialised; an empty length gives an empty dim.
        inner = lengths[-1] // 2 + 1 if lengths[-1] else 0
        shape = list(storage.shape[: storage.ndim - rank]) + lengths[:-1] + [inner]
        return wrap(torch.zeros(shape, dtype=_complex_of(storage), device=storage.device))
    return wrap(torch.fft.rfftn(storage, s=lengths, dim=dims))


def _irfft(input_tensor, fft_length, rank, opname):
    tensor = convert_to_tensor(input_tensor, dtype_hint=dtypes.complex64)
    rank_at_least(tensor, rank)
    storage = tensor._value
    if getattr(storage, "dtype", None) not in _COMPLEX:
        raise ValueError("IRFFT requires tf.complex64 or tf.complex128 inputs, got: %s" % tensor)
    lengths = _fft_lengths(fft_length, rank, opname, storage)
    if lengths is None:
        lengths = list(storage.shape[storage.ndim - rank :])
        lengths[-1] = max(0, 2 * (lengths[-1] - 1))
    real = storage.real.dtype
    if storage.numel() == 0 or lengths[-1] == 0:
        shape = list(storage.shape[: storage.ndim - rank]) + lengths
        return wrap(torch.zeros(shape, dtype=real, device=storage.device))
    return wrap(torch.fft.irfftn(storage, s=lengths, dim=tuple(range(-rank, 0))))


@tf_export("signal.rfft")
def rfft(input_tensor, fft_length=None, name=None):
    """``tf.signal.rfft``: the 1-D DFT of a real (float32/float64) signal over its innermost
    dim, ``fft_length // 2 + 1`` unique components (complex64 from float32). ``fft_length`` (a
    one-element list) zero-pads or crops the signal; it defaults to the dim's size."""
    return _rfft(input_tensor, fft_length, 1, "RFFT")


@tf_export("signal.irfft")
def irfft(input_tensor, fft_length=None, name=None):
    """``tf.signal.irfft``: the inverse of ``rfft``, a real signal of ``fft_length`` (default
    ``2 * (inner - 1)``) samples from complex64/complex128 half-spectra."""
    return _irfft(input_tensor, fft_length, 1, "IRFFT")


@tf_export("signal.rfft2d")
def rfft2d(input_tensor, fft_length=None, name=None):
    """``tf.signal.rfft2d``: ``rfft`` over the inner-most 2 dims (``fft_length`` has 2 ints)."""
    return _rfft(input_tensor, fft_length, 2, "RFFT2D")


@tf_export("signal.irfft2d")
def irfft2d(input_tensor, fft_length=None, name=None):
    """``tf.signal.irfft2d``: ``irfft`` over the inner-most 2 dims."""
    return _irfft(input_tensor, fft_length, 2, "IRFFT2D")


@tf_export("signal.rfft3d")
def rfft3d(input_tensor, fft_length=None, name=None):
    """``tf.signal.rfft3d``: ``rfft`` over the inner-most 3 dims (``fft_length`` has 3 ints)."""
    return _rfft(input_tensor, fft_length, 3, "RFFT3D")


@tf_export("signal.irfft3d")
def irfft3d(input_tensor, fft_length=None, name=None):
    """``tf.signal.irfft3d``: ``irfft`` over the inner-most 3 dims."""
    return _irfft(input_tensor, fft_length, 3, "IRFFT3D")


def _shift(x, axes, sign):
    tensor = convert_to_tensor(x)
    shape = tensor.shape.as_list()
    if axes is None and not shape:  # TF rolls by an empty tuple of axes: a float tensor
        raise attr_error("Roll", dtypes.float32, attr="Taxis", name=None)
    if axes is None:
        axes = list(range(len(shape)))
    elif isinstance(axes, int):
        if not -len(shape) <= axes < len(shape):
            raise op_error(
                "StridedSlice",
                "slice index %d of dimension 0 out of bounds." % axes,
                tensor._value,
                name="strided_slice/",
            )
        axes = [axes]
    else:
        axes = [int(a) + len(shape) if int(a) < 0 else int(a) for a in axes]
    shifts = [sign * (shape[a] // 2) for a in axes]
    return roll(tensor, shifts, axes)


@tf_export("signal.fftshift")
def fftshift(x, axes=None, name=None):
    """``tf.signal.fftshift``: rolls the zero-frequency component to the centre along ``axes``
    (an int or a sequence; all dims by default), as ``numpy.fft.fftshift``."""
    return _shift(x, axes, 1)


@tf_export("signal.ifftshift")
def ifftshift(x, axes=None, name=None):
    """``tf.signal.ifftshift``: the inverse of ``fftshift``."""
    return _shift(x, axes, -1)
