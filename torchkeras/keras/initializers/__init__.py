"""``keras.initializers``: classes, their snake_case aliases, and ``get``/``serialize``."""
from .initializer import Initializer
from .constant_initializers import Constant, Identity, IdentityInitializer, Ones, Zeros
from ..backend.object_lookup import ObjectLookup
from .random_initializers import (
    GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform, Orthogonal,
    OrthogonalInitializer, RandomNormal, RandomUniform, TruncatedNormal, VarianceScaling, compute_fans,
)

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

_CLASSES = {cls.__name__: cls for cls in (
    Zeros, Ones, Constant, Identity, RandomNormal, RandomUniform, TruncatedNormal, VarianceScaling,
    GlorotUniform, GlorotNormal, HeUniform, HeNormal, LecunUniform, LecunNormal, Orthogonal)}
_CLASSES.update({"IdentityInitializer": Identity, "OrthogonalInitializer": Orthogonal})
_NAMES = {"zeros": Zeros, "ones": Ones, "constant": Constant, "identity": Identity,
          "random_normal": RandomNormal, "random_uniform": RandomUniform,
          "truncated_normal": TruncatedNormal, "variance_scaling": VarianceScaling,
          "glorot_uniform": GlorotUniform, "glorot_normal": GlorotNormal, "he_uniform": HeUniform,
          "he_normal": HeNormal, "lecun_uniform": LecunUniform, "lecun_normal": LecunNormal,
          "orthogonal": Orthogonal, "uniform": RandomUniform, "normal": RandomNormal}


_LOOKUP = ObjectLookup("initializer", "keras.initializers", {**_CLASSES, **_NAMES})
serialize = _LOOKUP.serialize
deserialize = _LOOKUP.deserialize
get = _LOOKUP.get

__all__ = ["Initializer", "Constant", "Identity", "IdentityInitializer", "Ones", "Zeros", "GlorotNormal",
           "GlorotUniform", "HeNormal", "HeUniform", "LecunNormal", "LecunUniform", "Orthogonal",
           "OrthogonalInitializer", "RandomNormal", "RandomUniform", "TruncatedNormal", "VarianceScaling",
           "zeros", "ones", "constant", "identity", "random_normal", "random_uniform", "truncated_normal",
           "variance_scaling", "glorot_uniform", "glorot_normal", "he_uniform", "he_normal",
           "lecun_uniform", "lecun_normal", "orthogonal", "get", "serialize", "deserialize", "compute_fans"]
