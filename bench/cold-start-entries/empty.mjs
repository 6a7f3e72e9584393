// Nothing at all: what starting Node.js on an ES module costs by itself.
