// The cnnspec language. No actions here: the AST is built by AstBuilder from the parse tree, and every
// meaning (layer words, modifiers, def calls) is decided there, so this file only says what
// sequences of tokens are well formed.
grammar CnnSpec;

// CompactContext: nodes with room for the few children they have (see there).
options { caseInsensitive = true; contextSuperClass = CompactContext; }

// A .cnn file: one network with its header.
file
  : statement* header statement* sequence EOF
  ;

// The annotation form: name and input are given separately, so no header.
body
  : statement* sequence EOF
  ;

// An annotation's input member, on its own.
shapeOnly
  : shape EOF
  ;

header
  : NETWORK name=(ID | REPEAT | X) COLON input=shape (ARROW output=shape)?
  ;

shape
  : SHAPE
  | INT
  ;

statement
  : OPTION ID                                        # optionStatement
  | EXPECT ID INT                                    # expectStatement
  | DEF (name=(ID | REPEAT | X) | name=ID LPAREN params? RPAREN | name=CALL params? RPAREN) LBRACE sequence RBRACE  # defStatement
  ;

params
  : param (COMMA param)*
  ;

param
  : ID (EQ expr)?
  ;

sequence
  : element*
  ;

element
  : atom repeat? label?
  ;

atom
  : kind=(CAT | ADD | RES | MUL | SIDE | CHUNK) LBRACE sequence (PIPE sequence)* RBRACE  # branchAtom
  | LPAREN sequence RPAREN                                             # groupAtom
  | CALL (expr (COMMA expr)*)? RPAREN                                 # callAtom
  | word (MINUS channels=number)? (SLASH stride=number | strides=STRIDES)?  # layerAtom
  ;

// A layer word and an optional number substituted into it: conv3, fc, conv{k}, p{pad}.
word
  : ID interp?
  ;

number
  : INT
  | interp
  ;

repeat
  : REPEAT
  | X interp
  ;

// x2 lexes as a repetition; after @ (or network, or def) it can only be a name
label
  : AT name=(ID | REPEAT | X)
  ;

interp
  : LBRACE expr RBRACE
  ;

expr
  : MINUS expr                          # negExpr
  | expr op=(STAR | SLASH) expr         # binaryExpr
  | expr op=(PLUS | MINUS) expr         # binaryExpr
  | LPAREN expr RPAREN                  # parenExpr
  | LBRACE expr RBRACE                  # parenExpr
  | INT                                 # intExpr
  | IN                                  # inExpr
  | ID                                  # varExpr
  ;

NETWORK : 'network';
DEF     : 'def';
OPTION  : 'option';
EXPECT  : 'expect';
CAT     : 'cat';
ADD     : 'add';
RES     : 'res';
MUL     : 'mul';
// side { A }: A's result is an extra output of the network; the input passes on unchanged.
SIDE    : 'side';
// chunk { A | B }: the input's channels split into equal consecutive slices, one per branch
// (PyTorch x.chunk(n, dim=1)), the branches' results concatenated.
CHUNK   : 'chunk';
IN      : 'in';

ARROW   : '->';
COLON   : ':';
LBRACE  : '{';
RBRACE  : '}';
LPAREN  : '(';
RPAREN  : ')';
PIPE    : '|';
COMMA   : ',';
EQ      : '=';
MINUS   : '-';
PLUS    : '+';
STAR    : '*';
SLASH   : '/';
AT      : '@';

// 224x224x3 is one token; 64x2 is not (INT then REPEAT), so conv3-64x2 repeats conv3-64.
// A def call is its name glued to "(": fire(16, 64). With a space, "maxpool (relu) x2" is a layer
// and a group, so the two never compete in the parser.
CALL    : [a-z_] [a-z0-9_]* '(';
SHAPE   : DIGITS 'x' DIGITS 'x' DIGITS;
// A stride glued to its width is a per-axis stride, height then width: /2x1. Only glued: with a
// space, /2 x3 is a stride and a repetition (docs/language.md, "A trailing xN").
STRIDES : '/' DIGITS 'x' DIGITS;
REPEAT  : 'x' DIGITS;
X       : 'x';
INT     : DIGITS;
// Letters and digits glue into one word (conv3, conv1x7, relu6, fc4096); a hyphen between letters
// is part of the word (soft-max), a hyphen before a digit is not (fc-4096); a decimal point
// before a digit is (dropout0.5).
ID      : [a-z_] ([a-z0-9_] | '-' [a-z] | '.' [0-9])*;

COMMENT : '#' ~[\r\n]* -> skip;
WS      : [ \t\r\n\f]+ -> skip;
// Anything else becomes a token the parser rejects with a positioned error, so the lexer itself
// never reports.
UNKNOWN : .;

fragment DIGITS : [0-9] ('_'? [0-9])*;
