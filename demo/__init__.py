"""The German demo content: data files under `demo/data/` and the loaders that put them
into the database (`manage.py seed_demo`). No app package holds demo prose."""
