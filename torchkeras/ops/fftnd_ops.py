"""TF's N-D Fourier transforms over chosen axes: the raw ops ``tf.fftnd`` / ``ifftnd`` /
``rfftnd`` / ``irfftnd`` and their ``tf.signal`` wrappers (``fft_length``, ``axes``, ``norm``).

TF 2.21 registers these ops' kernels for GPUs only: on the CPU every call that gets past the
wrappers' Python checks is TF's ``NotFoundError`` (checked against TF), and so it is here for
tensors on the CPU. On CUDA tensors they run as ``numpy.fft.fftn`` etc. over ``axes``, each
axis cropped or zero-padded to its ``fft_length``, the kernels' documented semantics (not
compared with TF's GPU kernels, which this project's oracle cannot run).
"""

from __future__ import annotations

import math

import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.errors import NotFoundError
from ..framework.op_errors import attr_error, op_error
from ..framework.tensor import wrap
from ._signal_args import rank_at_least

_COMPLEX = (torch.complex64, torch.complex128)
_REAL = (torch.float32, torch.float64)
_DT = {
    torch.float32: "DT_FLOAT",
    torch.float64: "DT_DOUBLE",
    torch.complex64: "DT_COMPLEX64",
    torch.complex128: "DT_COMPLEX128",
}


def _no_kernel(opname, attrs, name):
    """TF's ``NotFoundError`` for an op with no CPU kernel (``attrs``: ``Tcomplex=...``)."""
    suffix = "" if name is None else " name: " + name
    return NotFoundError(
        None,
        None,
        "Could not find device for node: {{node %s}} = %s[%s]\nAll kernels registered for op "
        "%s:\n  <no registered kernels>\n [Op:%s]%s"
        % (opname, opname, attrs, opname, opname, suffix),
    )


def _ints(value):
    return [int(v) for v in convert_to_tensor(value, dtype=dtypes.int32)._value.reshape(-1)]


def _run(opname, storage, fft_length, axes, out_dtype, name):
    """The GPU kernel of ``opname`` (``NotFoundError`` on the CPU, as TF 2.21)."""
    if opname == "RFFTND":
        attrs = "Tcomplex=%s, Treal=%s" % (_DT[out_dtype], _DT[storage.dtype])
    elif opname == "IRFFTND":
        attrs = "Tcomplex=%s, Treal=%s" % (_DT[storage.dtype], _DT[out_dtype])
    else:
        attrs = "Tcomplex=%s" % _DT[storage.dtype]
    if storage.device.type == "cpu":
        raise _no_kernel(opname, attrs, name)
    return wrap(kernel(opname, storage, _ints(fft_length), _ints(axes), out_dtype, name))


def kernel(opname, storage, lengths, dims, out_dtype, name=""):
    """The GPU kernels' transform: ``torch.fft`` over ``dims`` with sizes ``lengths``."""
    if len(lengths) != len(dims):
        raise op_error(opname, "fft_length and axes must have the same length", storage, name)
    fn = {
        "FFTND": torch.fft.fftn,
        "IFFTND": torch.fft.ifftn,
        "RFFTND": torch.fft.rfftn,
        "IRFFTND": torch.fft.irfftn,
    }[opname]
    return fn(storage, s=lengths, dim=dims).to(out_dtype)


def _complex_input(input, opname, name):
    storage = convert_to_tensor(input, dtype_hint=dtypes.complex64)._value
    if getattr(storage, "dtype", None) not in _COMPLEX:
        raise attr_error(opname, storage, "Tcomplex", name=name)
    return storage


@tf_export("fftnd")
def raw_fftnd(input, fft_length, axes, name=None):
    """``tf.fftnd`` (the raw ``FFTND`` op): the N-D DFT of a complex tensor over ``axes``,
    each cropped or zero-padded to ``fft_length``; GPU only, as in TF."""
    storage = _complex_input(input, "FFTND", None)
    return _run("FFTND", storage, fft_length, axes, storage.dtype, None)


@tf_export("ifftnd")
def raw_ifftnd(input, fft_length, axes, name=None):
    """``tf.ifftnd`` (the raw ``IFFTND`` op): the inverse of ``tf.fftnd``; GPU only."""
    storage = _complex_input(input, "IFFTND", None)
    return _run("IFFTND", storage, fft_length, axes, storage.dtype, None)


@tf_export("rfftnd")
def raw_rfftnd(input, fft_length, axes, Tcomplex=dtypes.complex64, name=None):  # noqa: N803
    """``tf.rfftnd`` (the raw ``RFFTND`` op): the N-D DFT of a real tensor over ``axes`` (the
    last one halved), in ``Tcomplex``; GPU only."""
    storage = convert_to_tensor(input, dtype_hint=dtypes.float32)._value
    if getattr(storage, "dtype", None) not in _REAL:
        raise attr_error("RFFTND", storage, "Treal", name=None)
    return _run("RFFTND", storage, fft_length, axes, dtypes.as_dtype(Tcomplex).torch_dtype, None)


@tf_export("irfftnd")
def raw_irfftnd(input, fft_length, axes, Treal=dtypes.float32, name=None):  # noqa: N803
    """``tf.irfftnd`` (the raw ``IRFFTND`` op): the inverse of ``tf.rfftnd``, in ``Treal``;
    GPU only."""
    storage = _complex_input(input, "IRFFTND", None)
    return _run("IRFFTND", storage, fft_length, axes, dtypes.as_dtype(Treal).torch_dtype, None)


def _axes(input_tensor, axes):
    """TF's ``_process_empty_axes``: every dim by default (read off ``input_tensor.shape``
    before conversion, so a Python list is TF's ``AttributeError``)."""
    if axes is None:
        return list(range(len(input_tensor.shape)))
    return _ints(axes)


def _padded(storage, lengths, reverse):
    """TF's ``_maybe_pad_for_rfft``: the inner ``len(lengths)`` dims zero-padded up to
    ``lengths`` (the last to ``lengths[-1] // 2 + 1`` for an inverse real transform)."""
    if 0 in storage.shape:
        return storage
    lengths = list(lengths)
    if reverse:
        lengths[-1] = lengths[-1] // 2 + 1
    inner = list(storage.shape[max(storage.ndim - len(lengths), 0) :])
    pads = [max(f - i, 0) for f, i in zip(lengths, inner)]
    if not any(pads):
        return storage
    flat = []
    for pad in reversed(pads):
        flat += [0, pad]
    return torch.nn.functional.pad(storage, flat)


def _scaled(storage, lengths, norm, inverse):
    """The wrappers' ``norm``: ``forward`` / ``ortho`` scale the input by ``n`` / ``sqrt(n)``
    (divided for forward transforms, multiplied for inverse ones)."""
    if norm is None or norm == "backward":
        return storage
    n = math.prod(lengths)
    factor = n if norm == "forward" else (math.sqrt(n) if norm == "ortho" else 1)
    return storage * factor if inverse else storage / factor


def _wrapped(opname, input_tensor, fft_length, axes, norm, name, kind):
    axes = _axes(input_tensor, axes)
    real_in = kind == "real"
    tensor = convert_to_tensor(
        input_tensor, dtype_hint=dtypes.float32 if real_in else dtypes.complex64
    )
    storage = tensor._value
    if real_in and getattr(storage, "dtype", None) not in _REAL:
        raise ValueError("RFFT requires tf.float32 or tf.float64 inputs, got: %s" % tensor)
    rank_at_least(tensor, len(axes))
    if kind == "inverse_real" and getattr(storage, "dtype", None) not in _COMPLEX:
        raise ValueError("IRFFT requires tf.complex64 or tf.complex128 inputs, got: %s" % tensor)
    if fft_length is None:
        lengths = list(storage.shape)
        if kind == "inverse_real" and lengths:
            lengths[-1] = max(0, 2 * (lengths[-1] - 1))
    else:
        lengths = _ints(fft_length)
    if not real_in and kind != "inverse_real" and storage.dtype not in _COMPLEX:
        raise attr_error(opname, storage, "Tcomplex", name=name or "")
    storage = _padded(storage, lengths, kind == "inverse_real")
    storage = _scaled(storage, lengths, norm, opname in ("IFFTND", "IRFFTND"))
    if real_in:
        out = torch.complex64 if storage.dtype == torch.float32 else torch.complex128
    elif kind == "inverse_real":
        out = storage.real.dtype
    else:
        out = storage.dtype
    return _run(opname, storage, lengths, axes, out, name or "")


@tf_export("signal.fftnd")
def fftnd(input_tensor, fft_length=None, axes=None, norm=None, name=None):
    """``tf.signal.fftnd``: ``numpy.fft.fftn`` over ``axes`` (default: all) with
    ``fft_length`` per axis and ``norm`` (``backward``, ``forward``, ``ortho``); TF has no CPU
    kernel for it (``NotFoundError``), so neither do CPU tensors here."""
    return _wrapped("FFTND", input_tensor, fft_length, axes, norm, name, "complex")


@tf_export("signal.ifftnd")
def ifftnd(input_tensor, fft_length=None, axes=None, norm=None, name=None):
    """``tf.signal.ifftnd``: the inverse of ``fftnd`` (GPU only, as in TF)."""
    return _wrapped("IFFTND", input_tensor, fft_length, axes, norm, name, "complex")


@tf_export("signal.rfftnd")
def rfftnd(input_tensor, fft_length=None, axes=None, norm=None, name=None):
    """``tf.signal.rfftnd``: ``numpy.fft.rfftn`` of a float32/float64 tensor over ``axes``
    (GPU only, as in TF)."""
    return _wrapped("RFFTND", input_tensor, fft_length, axes, norm, name, "real")


@tf_export("signal.irfftnd")
def irfftnd(input_tensor, fft_length=None, axes=None, norm=None, name=None):
    """``tf.signal.irfftnd``: the inverse of ``rfftnd`` (GPU only, as in TF)."""
    return _wrapped("IRFFTND", input_tensor, fft_length, axes, norm, name, "inverse_real")
