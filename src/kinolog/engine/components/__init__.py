"""Film components: one module per component, each a small class, its factory and a `SPEC`."""
