"""Chapter 3, section 3.5.2: listing 3.9 (tensor operations, eagerly)."""


def test_3_9_basic_math(tf, device, capsys):
    a = tf.ones((2, 2))
    b = tf.square(a)
    c = tf.sqrt(a)
    d = b + c
    e = tf.matmul(a, b)
    e *= d
    print(e)
    assert (
        capsys.readouterr().out == "tf.Tensor(\n[[4. 4.]\n [4. 4.]], shape=(2, 2), dtype=float32)\n"
    )
    assert e.device.endswith("/device:%s:0" % device)


def test_3_9_every_intermediate_is_printable(tf, device, capsys):
    a = tf.ones((2, 2))
    print(tf.square(a))
    print(tf.sqrt(a) + tf.square(a))
    print(tf.matmul(a, a))
    assert capsys.readouterr().out == (
        "tf.Tensor(\n[[1. 1.]\n [1. 1.]], shape=(2, 2), dtype=float32)\n"
        "tf.Tensor(\n[[2. 2.]\n [2. 2.]], shape=(2, 2), dtype=float32)\n"
        "tf.Tensor(\n[[2. 2.]\n [2. 2.]], shape=(2, 2), dtype=float32)\n"
    )
