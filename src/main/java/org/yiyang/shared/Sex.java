package org.yiyang.shared;

public enum Sex { MALE, FEMALE }
