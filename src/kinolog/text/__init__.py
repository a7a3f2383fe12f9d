"""Reading film writing: formats, decoding, repairs, chrome removal and offset maps."""
