"""``tf.config.optimizer``: the settings read back as TF reports them."""

import pytest

import torchkeras as tf
from torchkeras.framework.global_state import PROCESS


@pytest.fixture(autouse=True)
def _restore():
    yield
    PROCESS.jit = False
    PROCESS.optimizer_options = {}


def _script(t):
    out = [t.config.optimizer.get_jit(), t.config.optimizer.get_experimental_options()]
    t.config.optimizer.set_jit(True)
    out.append(t.config.optimizer.get_jit())
    t.config.optimizer.set_jit(False)
    out.append(t.config.optimizer.get_jit())
    t.config.optimizer.set_jit("autoclustering")
    out.append(t.config.optimizer.get_jit())
    t.config.optimizer.set_experimental_options({"min_graph_nodes": 3, "layout_optimizer": False})
    t.config.optimizer.set_experimental_options({"constant_folding": True, "not_an_option": 1})
    out.append(list(t.config.optimizer.get_experimental_options().items()))
    return out


def test_pinned():
    assert _script(tf) == [
        "",
        {"disable_model_pruning": False, "disable_meta_optimizer": False},
        "autoclustering",
        "",
        "autoclustering",
        [
            ("layout_optimizer", False),
            ("constant_folding", True),
            ("disable_model_pruning", False),
            ("disable_meta_optimizer", False),
            ("min_graph_nodes", 3),
        ],
    ]


def test_matches_tf():
    tf_real = pytest.importorskip("tensorflow")
    try:
        assert _script(tf) == _script(tf_real)
    finally:
        tf_real.config.optimizer.set_jit(False)
