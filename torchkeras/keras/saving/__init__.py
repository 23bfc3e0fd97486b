"""``keras.saving``: Keras 3's file formats (``.keras``, ``.weights.h5``, sharded ``.weights.json``,
legacy ``.h5``) and object serialization.

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

from ...api_export import fill_namespace as _fill_namespace

_fill_namespace(
    globals(), "keras.saving", ".object_registration", ".saving_lib", ".serialization_lib"
)
