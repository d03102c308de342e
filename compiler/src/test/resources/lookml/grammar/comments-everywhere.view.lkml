# file comment
view: # after the colon
  commented # before the brace
{ # after the brace
  dimension: a { # after a block brace
    type: string # after a value
    sql: ${TABLE}.a # a hash inside code is code
      ;; # after the code
    tags: [ # after the bracket
      "a", # after an element
      # a line of its own
      "b"
    ] # after the list
  } # after the closing brace
} # the end
# the very end, no newline after this line
