"""``model.export(filepath, format="torch")``: a ``torch.export`` program (``.pt2``), the
torch-native serving artifact (Keras 3's ``export_torch``)."""

import inspect
import os
import warnings

import torch

from ..trainers.training_session import module_mode
from ..utils import io_utils
from . import export_utils
from .onnx import _dynamic_dims, _torch_dims

__all__ = ["export_torch"]


def export_torch(model, filepath, verbose=None, input_signature=None, **kwargs):
    """Saves the model's forward pass as a ``torch.export.ExportedProgram`` file.

    The file loads with ``torch.export.load(filepath)`` and runs with ``.module()(*inputs)`` on
    plain ``torch.Tensor`` inputs (one per leaf of the input signature, in ``tf.nest`` order)
    without torchkeras; outputs are torch tensors in the model's output structure.  ``None``
    dimensions of the signature (the batch) stay dynamic unless ``dynamic_shapes`` is given;
    Keras 3 pins them to 1 there.  ``kwargs`` go to ``torch.export.export`` (``strict``
    defaults to ``False``, as in Keras).
    """
    filepath = os.fspath(filepath)
    if not filepath.endswith(".pt2"):
        raise ValueError(
            "The PyTorch export requires the filepath to end with '.pt2'. Got: %s" % filepath
        )
    export_kwargs = _export_kwargs(kwargs)
    signature = export_utils.normalize_signature(
        export_utils.get_input_signature(model) if input_signature is None else input_signature
    )
    specs = export_utils.flat_specs(signature)
    samples = export_utils.sample_inputs(specs, none_size=2, device=model._device())
    if "dynamic_shapes" in export_kwargs:
        export_kwargs["dynamic_shapes"] = _normalize_dynamic_shapes(export_kwargs["dynamic_shapes"])
    else:
        dims = _dynamic_dims(specs)
        export_kwargs["dynamic_shapes"] = _torch_dims(dims) if any(dims) else None
    serving = export_utils.ServingModule(model, signature)
    with module_mode(serving, False), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*not properly registered as a submodule")
        try:
            program = torch.export.export(serving, samples, **export_kwargs)
        except Exception as e:
            raise RuntimeError(
                "Failed to export model to PyTorch format. Common causes: unsupported operations, "
                "data-dependent control flow, or shape constraints not satisfied. Original error: "
                "%s" % e
            ) from e
    torch.export.save(program, filepath)
    if True if verbose is None else verbose:
        io_utils.print_msg("Saved PyTorch ExportedProgram at '%s'." % filepath)
    return filepath


def _export_kwargs(user_kwargs):
    """``user_kwargs`` checked against ``torch.export.export``'s arguments (Keras' error)."""
    supported = {
        name
        for name in inspect.signature(torch.export.export).parameters
        if name not in {"mod", "args", "kwargs"}
    }
    unknown = sorted(set(user_kwargs) - supported)
    if unknown:
        raise ValueError(
            'Unsupported arguments for `format="torch"`: %s. Supported arguments are: '
            "%s." % (", ".join(unknown), ", ".join(sorted(supported)))
        )
    export_kwargs = dict(user_kwargs)
    export_kwargs.setdefault("strict", False)
    return export_kwargs


def _normalize_dynamic_shapes(dynamic_shapes):
    """A user's ``dynamic_shapes`` (one spec for a single input, or one per input) in the form
    ``torch.export`` wants for the serving module's ``forward(*inputs)``."""
    if dynamic_shapes is None:
        return None
    if isinstance(dynamic_shapes, dict):
        return ((dynamic_shapes,),)
    if len(dynamic_shapes) == 1 and isinstance(dynamic_shapes[0], (list, tuple)):
        return (tuple(dynamic_shapes[0]),)
    return (tuple(dynamic_shapes),)
