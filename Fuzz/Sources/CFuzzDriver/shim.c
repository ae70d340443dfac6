// Nothing to compile: the header declares a function of the fuzzer runtime.
#include "CFuzzDriver.h"
