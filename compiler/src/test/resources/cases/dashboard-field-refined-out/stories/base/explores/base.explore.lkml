explore: base {}
