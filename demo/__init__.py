"""The bundled sample of both sites and the project's own PDF typesetting (`lfrwatch demo`, and the tests)."""
