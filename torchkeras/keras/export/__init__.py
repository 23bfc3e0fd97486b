"""Exporting a model for serving: ``model.export(filepath, format=...)``.

``"onnx"`` writes an ONNX file for ONNX Runtime (through ``torch.onnx``); ``"torch"`` writes a
``torch.export`` program (``.pt2``).  Keras' ``"tf_saved_model"`` (its default), ``"openvino"``
and ``"litert"`` need TensorFlow or their own toolchains, which torchkeras does not use.
"""

from .export_utils import get_input_signature
from .onnx import export_onnx
from .torch_export import export_torch

__all__ = ["export_model", "export_onnx", "export_torch", "get_input_signature", "FORMATS"]

FORMATS = ("onnx", "torch")
"""The formats ``model.export`` writes."""

_KERAS_ONLY = {
    "tf_saved_model": "a TensorFlow SavedModel needs TensorFlow, which torchkeras does not use",
    "openvino": "OpenVINO export is not available in torchkeras",
    "litert": "LiteRT (TFLite) export is not available in torchkeras",
}


def export_model(
    model, filepath, format="tf_saved_model", verbose=None, input_signature=None, **kwargs
):
    """``Model.export``: dispatches on ``format`` (see the module docstring)."""
    if format == "onnx":
        return export_onnx(model, filepath, verbose, input_signature=input_signature, **kwargs)
    if format == "torch":
        return export_torch(
            model, filepath, verbose=verbose, input_signature=input_signature, **kwargs
        )
    if format in _KERAS_ONLY:
        raise ValueError(
            "Unsupported format=%s: %s. Supported formats are: %s. Use "
            "format='onnx' to serve with ONNX Runtime, or format='torch' for a "
            "torch.export program." % (format, _KERAS_ONLY[format], list(FORMATS))
        )
    raise ValueError("Unrecognized format=%s. Supported formats are: %s." % (format, list(FORMATS)))
