"""``keras.saving``: Keras 3's file formats (``.keras``, ``.weights.h5``, sharded ``.weights.json``, legacy ``.h5``)
and object serialization.

Files move both ways between torchkeras and real Keras 3.  As in Keras, each
layer and optimizer writes and reads its part through
``save_own_variables(store)`` / ``load_own_variables(store)`` (override them
to keep extra arrays) and, in ``.keras`` files, ``save_assets(dir_path)`` /
``load_assets(dir_path)``.  HDF5 needs the
optional ``h5py`` (``pip install torchkeras-tf[h5]``); without it saving and
loading raise ``ImportError`` naming that extra.  The fast native path, when
both ends are torchkeras, is torch's own: ``torch.save(model.state_dict(), f)``
then ``model.load_state_dict(torch.load(f, weights_only=True))`` into a model
whose layers have the same names (e.g. one rebuilt with
``keras.models.model_from_json(model.to_json())``).
"""
from .object_registration import (CustomObjectScope, custom_object_scope, get_custom_objects, get_registered_name,
                                  get_registered_object, register_keras_serializable)
from .saving_lib import load_model, load_weights, save_model, save_weights
from .serialization_lib import deserialize_keras_object, serialize_keras_object

__all__ = ["CustomObjectScope", "custom_object_scope", "get_custom_objects", "get_registered_name",
           "get_registered_object", "register_keras_serializable", "load_model", "load_weights", "save_model",
           "save_weights", "deserialize_keras_object", "serialize_keras_object"]
