// Hardhat tasks of the project; each file registers its own.

import "./verify";
import "../monitor";
import "../miner/task";
