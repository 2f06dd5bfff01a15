package broken;

import io.cnnspec.Network;

/**
 * A residual block whose main path halves the size and doubles the channels, but whose shortcut is
 * the identity: the two cannot be added. Not part of the build; CompileErrorTest compiles it.
 */
@Network(
    name = "BrokenResNet",
    input = "56x56x64",
    value = """
        conv3-64 bn relu
        res { conv3-128/2 bn relu conv3-128 bn }
        relu
        """)
class BrokenResNetSpec {}
