"""``model.export(filepath, format="onnx")``: an ONNX file for ONNX Runtime, through ``torch.onnx``
(Keras 3's torch backend route)."""

import contextlib
import logging
import os
import warnings

import torch

from ..trainers.training_session import module_mode
from ..utils import io_utils
from . import export_utils

__all__ = ["export_onnx"]

_MISSING = (
    "ONNX export requires the `onnx` and `onnxscript` packages. Install them with "
    "`pip install torchkeras-tf[onnx]` (or `pip install onnx onnxscript`)."
)


def export_onnx(model, filepath, verbose=None, input_signature=None, opset_version=None, **kwargs):
    """Writes the model's forward pass (``call`` with ``training=False``) as an ONNX file.

    As with Keras 3's torch backend, ``None`` dimensions of the input signature stay dynamic
    (named ``batch`` and ``dim_<input>_<axis>``): ONNX Runtime accepts any batch size.  Keras
    captures such graphs with torch's TorchScript-based exporter; torchkeras uses
    ``torch.onnx.export(..., dynamo=True)`` with ``dynamic_shapes`` and falls back to the
    TorchScript exporter if that fails.  ``verbose`` (default ``True``) prints torch.onnx's
    progress and Keras' ``Saved artifact at '...'.``.  ``kwargs`` go to ``torch.onnx.export``.
    """
    _require_onnx()
    actual_verbose = True if verbose is None else bool(verbose)
    signature = export_utils.normalize_signature(
        export_utils.get_input_signature(model) if input_signature is None else input_signature
    )
    specs = export_utils.flat_specs(signature)
    names = export_utils.input_names(specs)
    serving = export_utils.ServingModule(model, signature)
    dims = _dynamic_dims(specs)
    samples = export_utils.sample_inputs(specs, none_size=2, device=model._device())
    filepath = os.fspath(filepath)
    dynamic_shapes = _torch_dims(dims) if any(dims) else None
    with module_mode(serving, False), _quiet_export(), torch.no_grad():
        try:
            program = torch.onnx.export(
                serving,
                samples,
                dynamo=True,
                verbose=actual_verbose,
                input_names=names,
                opset_version=opset_version,
                dynamic_shapes=dynamic_shapes,
                **kwargs,
            )
            program.save(filepath)
        except Exception:  # noqa: BLE001 - dynamo failed: torch's older exporter may not
            torch.onnx.export(
                serving,
                samples,
                filepath,
                dynamo=False,
                verbose=bool(verbose),
                input_names=names,
                opset_version=opset_version,
                do_constant_folding=True,
                dynamic_axes={name: d for name, d in zip(names, dims) if d} or None,
                **kwargs,
            )
    if actual_verbose:
        io_utils.print_msg("Saved artifact at '%s'." % filepath)


def _require_onnx():
    try:
        import onnx  # noqa: F401 - torch.onnx's dynamo exporter imports both
        import onnxscript  # noqa: F401
    except ImportError:
        raise ImportError(_MISSING) from None


def _dynamic_dims(specs):
    """Per flat input, ``{axis: name}`` for its ``None`` axes: ``batch`` for axis 0 (shared by
    every input), ``dim_<input>_<axis>`` otherwise (Keras' names)."""
    return [
        {
            axis: "batch" if axis == 0 else "dim_%d_%d" % (i, axis)
            for axis, size in enumerate(spec.shape)
            if size is None
        }
        for i, spec in enumerate(specs)
    ]


def _torch_dims(dims):
    """``torch.export`` dynamic shapes for ``dims``: one ``Dim`` object per name."""
    made = {}
    shapes = tuple(
        {axis: made.setdefault(name, torch.export.Dim(name)) for axis, name in d.items()} or None
        for d in dims
    )
    return (shapes,)


@contextlib.contextmanager
def _quiet_export():
    """Silences what torch's exporters say that is no news to a Keras user (missing torchvision
    kernels, tracer warnings about constants)."""
    logger = logging.getLogger("torch.onnx._internal.exporter._registration")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=FutureWarning)
            warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)
            warnings.filterwarnings("ignore", message=r".*not properly registered as a submodule")
            warnings.filterwarnings("ignore", category=DeprecationWarning)
            warnings.filterwarnings("ignore", message=r"# The axis name: .* will not be used")
            yield
    finally:
        logger.setLevel(level)
