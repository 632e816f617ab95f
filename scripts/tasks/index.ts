// Hardhat tasks of the project; each file registers its own and loads its implementation only when it runs.

import "./verify";
import "./monitor";
import "./mine/task";
import "./mine/soak";
import "./seed";
