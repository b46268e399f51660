"""Demo and benchmark data generators: installed for local development, the tests and the benches
(`MUSEION_DEMO`, on by default with `DEBUG`), never needed by a production site."""
