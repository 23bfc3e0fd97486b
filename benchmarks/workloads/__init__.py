"""The workloads: one module each.

A workload module defines
  DESCRIPTION  one line for the table's legend;
  UNIT         ``'ms'`` (the harness times one repetition) or ``'MiB'`` (the
               repetition returns its own measurement);
  TARGET       the ratio torchkeras / raw torch to stay under, or ``None``;
  LIMIT        (optional) an absolute value torchkeras must stay under;
  REPEATS      repetitions (the median is reported);
  THREADS      torch / TF intra-op threads to pin, or ``None`` to leave them;
and two builders, each returning a zero-argument callable that performs one
repetition:
  torch_version(smoke, device)   the same math in raw torch on ``device``;
  tf_version(tf, smoke)          the TensorFlow code, run with ``tf`` being
                                 torchkeras or real TensorFlow.
``smoke=True`` asks for tiny sizes (the tests run it).  Dropping a module here
registers it.
"""

import importlib
import pkgutil


def names():
    """The workload names, sorted."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def load(name):
    """The workload module ``name``."""
    if name not in names():
        raise ValueError("unknown workload %r; known: %s" % (name, ", ".join(names())))
    return importlib.import_module(__name__ + "." + name)
