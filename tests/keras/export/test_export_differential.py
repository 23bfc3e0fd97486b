"""Exported programs against real Keras: the same architecture with the same weights in
TensorFlow's Keras gives the outputs torchkeras' exported ``.pt2`` program gives."""

import os

import numpy as np
import pytest
import torch

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
pytest.importorskip("tensorflow")
real_keras = pytest.importorskip("keras")

from torchkeras import keras  # noqa: E402
from tests.keras.export import export_models  # noqa: E402


@pytest.mark.parametrize("kind", sorted(export_models.BUILDERS))
def test_exported_program_matches_real_keras_predict(tmp_path, kind):
    ours = export_models.build(keras, kind)
    real = export_models.build(real_keras, kind)
    real.set_weights(ours.get_weights())
    path = tmp_path / "m.pt2"
    ours.export(path, format="torch", verbose=False)
    program = torch.export.load(str(path)).module()
    arrays = export_models.inputs(kind, 6)
    got = program(*[torch.from_numpy(a) for a in arrays]).numpy()
    expected = real.predict(export_models.model_input(kind, arrays), verbose=0)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


def test_unknown_format_message_has_keras_form(tmp_path):
    messages = []
    for k in (keras, real_keras):
        with pytest.raises(ValueError) as info:
            export_models.build(k, "mlp").export(str(tmp_path / "m"), format="nope")
        messages.append(str(info.value))
    prefix = "Unrecognized format=nope. Supported formats are: ["
    assert all(m.startswith(prefix) and m.endswith("].") for m in messages)
    real_formats = eval(messages[1][len(prefix) - 1 : -1])  # noqa: S307 - Keras prints a list literal
    ours = eval(messages[0][len(prefix) - 1 : -1])  # noqa: S307
    assert set(ours) <= set(real_formats)
