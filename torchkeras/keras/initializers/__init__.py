"""``keras.initializers``: classes, their snake_case aliases, and ``get``/``serialize``."""

from .constant_initializers import Constant, Identity, Ones, Zeros
from ..backend.object_lookup import ObjectLookup
from .random_initializers import (
    GlorotNormal,
    GlorotUniform,
    HeNormal,
    HeUniform,
    LecunNormal,
    LecunUniform,
    Orthogonal,
    RandomNormal,
    RandomUniform,
    TruncatedNormal,
    VarianceScaling,
    compute_fans,
)
from ...api_export import export_value as _export_value, fill_namespace as _fill_namespace

zeros = Zeros
ones = Ones
constant = Constant
identity = Identity
random_normal = RandomNormal
random_uniform = RandomUniform
truncated_normal = TruncatedNormal
variance_scaling = VarianceScaling
glorot_uniform = GlorotUniform
glorot_normal = GlorotNormal
he_uniform = HeUniform
he_normal = HeNormal
lecun_uniform = LecunUniform
lecun_normal = LecunNormal
orthogonal = Orthogonal

_CLASSES = {
    cls.__name__: cls
    for cls in (
        Zeros,
        Ones,
        Constant,
        Identity,
        RandomNormal,
        RandomUniform,
        TruncatedNormal,
        VarianceScaling,
        GlorotUniform,
        GlorotNormal,
        HeUniform,
        HeNormal,
        LecunUniform,
        LecunNormal,
        Orthogonal,
    )
}
_CLASSES.update({"IdentityInitializer": Identity, "OrthogonalInitializer": Orthogonal})
_NAMES = {
    "zeros": Zeros,
    "ones": Ones,
    "constant": Constant,
    "identity": Identity,
    "random_normal": RandomNormal,
    "random_uniform": RandomUniform,
    "truncated_normal": TruncatedNormal,
    "variance_scaling": VarianceScaling,
    "glorot_uniform": GlorotUniform,
    "glorot_normal": GlorotNormal,
    "he_uniform": HeUniform,
    "he_normal": HeNormal,
    "lecun_uniform": LecunUniform,
    "lecun_normal": LecunNormal,
    "orthogonal": Orthogonal,
    "uniform": RandomUniform,
    "normal": RandomNormal,
}


_LOOKUP = ObjectLookup("initializer", "keras.initializers", {**_CLASSES, **_NAMES})
serialize = _LOOKUP.serialize
_export_value(serialize, "keras.initializers.serialize")
deserialize = _LOOKUP.deserialize
_export_value(deserialize, "keras.initializers.deserialize")
get = _LOOKUP.get
_export_value(get, "keras.initializers.get")


# torchkeras' additions (no Keras 3 public names); fill_namespace adds the registered names.
__all__ = ["compute_fans"]
_fill_namespace(globals(), "keras.initializers", ".initializer")
