// The rule tests of BatonCheck (each rule's examples, configuration, suppressions) live in this target.
