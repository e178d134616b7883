import { x } from "./a.js";
import { parse } from "yaml";
console.log(x, parse("a: 1"));
